/**
 * Handlers for a composer form: files pasted or dropped on it go where the file picker's go (same upload
 * path, limits and errors). Pasting text alone is left to the textarea; keyboard users keep the picker.
 */
export function fileDropHandlers(onFiles: (files: File[]) => void) {
  const take = (event: Event, data: DataTransfer | null) => {
    const files = Array.from(data?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  };
  return {
    onPaste: (event: ClipboardEvent) => take(event, event.clipboardData),
    onDrop: (event: DragEvent) => take(event, event.dataTransfer),
    // Without this the browser would open a dragged file in place of the console.
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    },
  };
}
