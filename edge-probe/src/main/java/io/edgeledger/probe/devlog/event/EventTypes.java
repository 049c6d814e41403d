package io.edgeledger.probe.devlog.event;

/** The event types of DESIGN.md 2.4 (session_end exists in the schema but no source records it). */
public final class EventTypes {
    private EventTypes() {}

    public static final String SESSION_START = "session_start";
    public static final String SESSION_END = "session_end";
    public static final String USER_MESSAGE = "user_message";
    public static final String ASSISTANT_MESSAGE = "assistant_message";
    public static final String TOOL_CALL = "tool_call";
    public static final String TOOL_RESULT = "tool_result";
    public static final String FILE_READ = "file_read";
    public static final String FILE_WRITE = "file_write";
    public static final String COMMAND_EXECUTE = "command_execute";
    public static final String ERROR = "error";
    public static final String TOKEN_USAGE = "token_usage";
}
