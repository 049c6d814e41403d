package io.edgeledger.api.errors;

/** The one error body of the API: {@code {"code": "...", "message": "..."}}. */
public record ApiError(String code, String message) {}
