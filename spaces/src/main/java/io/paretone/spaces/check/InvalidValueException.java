package io.paretone.spaces.check;

/**
 * A value given by the user or a caller is outside what paretone accepts. It carries the offending
 * name and value so a command line can print one line saying what to change.
 */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Object value;

    public InvalidValueException(String name, Object value, String whatToDo) {
        super(name + " = " + value + ": " + whatToDo);
        this.name = name;
        this.value = value;
    }

    private InvalidValueException(String name, Object value, String message, Void relayed) {
        super(message);
        this.name = name;
        this.value = value;
    }

    /**
     * A rejection made elsewhere, passed on with its message unchanged: a worker process's, which
     * the scheduler relays, so the user reads one line rather than the same name twice.
     */
    public static InvalidValueException relayed(String name, Object value, String message) {
        return new InvalidValueException(name, value, message, null);
    }

    /** The setting or argument that was wrong, as the user spells it. */
    public String name() {
        return name;
    }

    /** The rejected value. */
    public Object value() {
        return value;
    }
}
