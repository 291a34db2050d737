package io.paretone.spaces.check;

/** The one place for argument checks; every failure names the argument, its value and the fix. */
public final class Check {
    private Check() {}

    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidValueException(name, value, "must be a positive whole number");
        }
        return value;
    }

    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new InvalidValueException(name, value, "must be a positive whole number");
        }
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidValueException(name, value, "must be a positive finite number");
        }
        return value;
    }

    public static int atLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidValueException(name, value, "must be at least " + minimum);
        }
        return value;
    }

    public static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new InvalidValueException(name, value, "must be between " + low + " and " + high);
        }
        return value;
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new InvalidValueException(name, null, "is required");
        }
        return value;
    }

    public static void that(boolean condition, String name, Object value, String whatToDo) {
        if (!condition) {
            throw new InvalidValueException(name, value, whatToDo);
        }
    }
}
