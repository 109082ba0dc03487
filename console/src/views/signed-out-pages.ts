// The signed-out pages, loaded when needed: most visits to the console find a session already signed in.
export { ForgotPasswordPage } from "./ForgotPasswordPage.tsx";
export { ResetPasswordPage } from "./ResetPasswordPage.tsx";
export { SignIn } from "./SignIn.tsx";
