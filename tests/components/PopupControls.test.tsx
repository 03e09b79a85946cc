// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { PopupControls, type PopupControlsProps } from '../../components/PopupControls';

afterEach(cleanup);

function setup(extra: Partial<PopupControlsProps> = {}) {
  const props: PopupControlsProps = {
    host: 'www.reuters.com',
    siteEnabled: true,
    onSiteEnabled: vi.fn(),
    sensitivity: 'confident',
    onSensitivity: vi.fn(),
    annotationsHref: 'chrome-extension://id/annotations.html',
    ...extra,
  };
  return { props, ...render(<PopupControls {...props} />) };
}

describe('PopupControls', () => {
  it('switches checking on this site off and on', () => {
    const { props, getByLabelText, rerender } = setup();
    const toggle = getByLabelText('Check pages on www.reuters.com') as HTMLInputElement;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(props.onSiteEnabled).toHaveBeenLastCalledWith(false);
    rerender(<PopupControls {...props} siteEnabled={false} />);
    fireEvent.click(getByLabelText('Check pages on www.reuters.com'));
    expect(props.onSiteEnabled).toHaveBeenLastCalledWith(true);
  });

  it('disables the site switch where the extension cannot run', () => {
    const { getByRole } = setup({ host: null });
    expect((getByRole('switch') as HTMLInputElement).disabled).toBe(true);
  });

  it('chooses the sensitivity in a labelled radio group', () => {
    const { props, getByLabelText, getByRole } = setup();
    expect(getByRole('group').textContent).toContain('Show matches');
    expect((getByLabelText('Confident only') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(getByLabelText('Include possible matches'));
    expect(props.onSensitivity).toHaveBeenCalledWith('possible');
  });

  it('links to the annotations page, or hands the click to the caller', () => {
    const plain = setup();
    const link = plain.getByText('Your annotations') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(plain.props.annotationsHref);
    cleanup();
    const onOpenAnnotations = vi.fn();
    const wired = setup({ onOpenAnnotations });
    const notCancelled = fireEvent.click(wired.getByText('Your annotations'));
    expect(onOpenAnnotations).toHaveBeenCalledTimes(1);
    expect(notCancelled).toBe(false);
  });
});
