// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { AnnotationsLink, PopupControls, type PopupControlsProps } from '../../components/PopupControls';

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

  it('chooses the sensitivity in a labelled select', () => {
    const { props, getByLabelText } = setup();
    const select = getByLabelText('Show matches') as HTMLSelectElement;
    expect(select.value).toBe('confident');
    fireEvent.change(select, { target: { value: 'possible' } });
    expect(props.onSensitivity).toHaveBeenCalledWith('possible');
  });

  it('chooses the highlight mode everywhere and for this site, which can follow the global one again', () => {
    const onHighlightMode = vi.fn();
    const onSiteHighlightMode = vi.fn();
    const { getByLabelText } = setup({ highlightMode: 'differing', siteHighlightMode: null, onHighlightMode, onSiteHighlightMode });
    const everywhere = getByLabelText('Mark everywhere') as HTMLSelectElement;
    const here = getByLabelText('Mark here') as HTMLSelectElement;
    expect(everywhere.value).toBe('differing');
    expect(here.value).toBe('global');
    expect(here.options[0]?.textContent).toBe('As everywhere');
    expect(here.title).toBe('As everywhere: Differing only');
    expect([...everywhere.options].map((o) => o.textContent)).toEqual(['All claims', 'Differing only', 'None']);
    fireEvent.change(everywhere, { target: { value: 'off' } });
    expect(onHighlightMode).toHaveBeenLastCalledWith('off');
    fireEvent.change(here, { target: { value: 'all' } });
    expect(onSiteHighlightMode).toHaveBeenLastCalledWith('all');
    fireEvent.change(here, { target: { value: 'global' } });
    expect(onSiteHighlightMode).toHaveBeenLastCalledWith(null);
  });

  it('links to the annotations page, or hands the click to the caller', () => {
    const plain = render(<AnnotationsLink href="chrome-extension://id/annotations.html" />);
    const link = plain.getByText('Your annotations') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('chrome-extension://id/annotations.html');
    cleanup();
    const onOpenAnnotations = vi.fn();
    const wired = render(<AnnotationsLink href="chrome-extension://id/annotations.html" onOpen={onOpenAnnotations} />);
    const notCancelled = fireEvent.click(wired.getByText('Your annotations'));
    expect(onOpenAnnotations).toHaveBeenCalledTimes(1);
    expect(notCancelled).toBe(false);
  });
});
