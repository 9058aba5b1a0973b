package io.shiporskip.api.account.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the account routes, validated before any work is done. */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record NewAccount(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 80) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
            String displayName) {

        @Override
        public String toString() {
            return "NewAccount[email=" + email + "]"; // the password never reaches a log line
        }
    }

    /**
     * {@code deviceToken}: the one the previous successful sign-in from this browser or app answered (optional; the
     * {@code device_token} cookie does the same for browsers).
     */
    public record SignIn(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password,
            @Size(max = 100) String deviceToken) {

        @Override
        public String toString() {
            return "SignIn[email=" + email + "]";
        }
    }

    public record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {
    }

    /** {@code token}: from the mailed link; {@code password}: the new one, same rules as at sign-up. */
    public record PasswordReset(@NotBlank @Size(max = 100) String token,
            @NotNull @Size(min = 10, max = 200) String password) {

        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    public record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
            @NotNull @Size(min = 10, max = 200) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

}
