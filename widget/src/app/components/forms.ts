// The forms chunk: the form that starts a chat and the offline form, which share their fields (use-form.tsx,
// ProductField.tsx). One chunk, so those shared parts are not a third file. Fetched as the app starts when no chat is
// stored, and never by a page that restores one: every page a chatting visitor opens.
export { loadOfflineText, OfflineView } from "./OfflineView.tsx";
export { PreChatForm } from "./PreChatForm.tsx";
