package io.edgeledger.api.errors;

/**
 * Every failure the API reports on purpose: an HTTP status, a stable machine-readable code, and a message that
 * tells the caller what to change. Mapped to {@code {"code","message"}} by {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "body_too_large", message);
    }

    public static ApiException unavailable(String code, String message) {
        return new ApiException(503, code, message);
    }
}
