// The canned replies' lazy module: the composer's picker and the Replies page, loaded on first use.
export { CannedPicker } from "./CannedPicker.tsx";
export { RepliesPage } from "./RepliesPage.tsx";
