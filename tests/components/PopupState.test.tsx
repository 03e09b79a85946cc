// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { PopupState } from '../../components/PopupState';
import { MARKUP } from './real-matches';
import { pressEnter } from './keyboard';

afterEach(cleanup);

describe('PopupState', () => {
  it('loading: a busy status', () => {
    const { getByRole } = render(<PopupState kind="loading" />);
    const status = getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toContain('Checking this page');
  });

  it('no claims: says so, and suggests possible matches only when they are hidden', () => {
    const { getByRole, rerender } = render(<PopupState kind="no-claims" sensitivity="confident" />);
    expect(getByRole('status').textContent).toContain('No claims from the corpus were found on this page.');
    expect(getByRole('status').textContent).toContain('Including possible matches');
    rerender(<PopupState kind="no-claims" sensitivity="possible" />);
    expect(getByRole('status').textContent).not.toContain('Including possible matches');
  });

  it('not checked: "Check this page" fires on click and on Enter', () => {
    const onCheck = vi.fn();
    const { getByRole } = render(<PopupState kind="not-checked" onCheck={onCheck} />);
    const button = getByRole('button', { name: 'Check this page' });
    fireEvent.click(button);
    pressEnter(button);
    expect(onCheck).toHaveBeenCalledTimes(2);
  });

  it('cannot run here: a plain explanation and no action', () => {
    const { getByRole, queryByRole } = render(<PopupState kind="unsupported" />);
    expect(getByRole('status').textContent).toMatch(/cannot run on this page.*extension stores/s);
    expect(queryByRole('button')).toBeNull();
  });

  it('error: an alert with the message as text, what to do next, and a retry', () => {
    const onRetry = vi.fn();
    const { getByRole, container } = render(<PopupState kind="error" message={MARKUP} onRetry={onRetry} />);
    const alert = getByRole('alert');
    expect(alert.textContent).toContain(MARKUP);
    expect(alert.textContent).toContain('Reload the page');
    expect(container.querySelector('img')).toBeNull();
    pressEnter(getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
