// The settings page's bulk section: the pause between two requests to the same site during a bulk capture.
import { delayMsFromInput } from '../core/bulk/run-settings';
import { readRunSettings, writeDelayMs } from '../shared/bulk-settings';
import { formatCount, t } from '../shared/i18n';

const secondsText = (ms: number) => formatCount(ms / 1000);

export async function initBulkDelaySettings(): Promise<void> {
  const form = document.getElementById('bulk-delay-form') as HTMLFormElement;
  const input = document.getElementById('bulk-delay') as HTMLInputElement;
  const status = document.getElementById('bulk-delay-status')!;
  input.value = secondsText((await readRunSettings()).delayMs);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const delayMs = delayMsFromInput(input.value);
    if (delayMs === null) {
      input.setAttribute('aria-invalid', 'true');
      status.className = 'error';
      status.textContent = t('optionsBulkDelayInvalid');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    void writeDelayMs(delayMs).then(
      () => {
        input.value = secondsText(delayMs);
        status.className = '';
        status.textContent = t('optionsBulkDelaySaved', secondsText(delayMs));
      },
      (error: unknown) => {
        status.className = 'error';
        status.textContent = t('errorUnknown', error instanceof Error ? error.message : String(error));
      },
    );
  });
}
