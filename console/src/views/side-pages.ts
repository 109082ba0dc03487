// The signed-in pages outside the everyday inbox, loaded on first visit (see LazyRoute).
export { AccountPage } from "./AccountPage.tsx";
export { OfflineRequestsPage } from "./OfflineRequestsPage.tsx";
export { TeamPage } from "./TeamPage.tsx";
