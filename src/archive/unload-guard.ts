// While an export or import runs, closing or reloading the archive page asks first: closing loses the export
// (the file is only handed to the browser at the end) or stops an import (its written batches are undone when the
// archive next opens; each batch is its own transaction, so the archive never holds half an article).
let running = 0;

function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older engines need returnValue set; browsers show their own wording, never ours.
  event.returnValue = '';
}

/** Guards the page until the returned function is called (once). Nested guards stack. */
export function guardUnload(): () => void {
  if (running++ === 0) window.addEventListener('beforeunload', onBeforeUnload);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--running === 0) window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
