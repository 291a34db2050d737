package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * One searchable choice of an architecture: a name and the ordered list of values it may take.
 *
 * <p>Every gene is discrete: the optimiser sees the index of a value, so neighbouring indices are
 * neighbouring values (layer counts, channel widths, learning rates on a log grid). Whole-number
 * genes and real-valued genes differ only in how their values read and print.
 */
public final class Gene {
    private final String name;
    private final String meaning;
    private final double[] values;
    private final boolean whole;

    private Gene(String name, String meaning, double[] values, boolean whole) {
        if (values.length == 0) {
            throw new InvalidValueException(name, "[]", "a gene needs at least one value");
        }
        this.name = name;
        this.meaning = meaning;
        this.values = values.clone();
        this.whole = whole;
    }

    /** A gene whose values are whole numbers, such as a layer count. */
    public static Gene ofInts(String name, String meaning, int... values) {
        return new Gene(name, meaning, Arrays.stream(values).asDoubleStream().toArray(), true);
    }

    /** A gene whose values are real numbers, such as a learning rate. */
    public static Gene ofReals(String name, String meaning, double... values) {
        return new Gene(name, meaning, values, false);
    }

    /** The same gene limited to the given values, each of which must already be allowed. */
    public Gene restrictedTo(double... allowed) {
        if (allowed.length == 0) {
            throw new InvalidValueException(name, "[]", "give at least one value");
        }
        double[] kept = new double[allowed.length];
        for (int i = 0; i < allowed.length; i++) {
            kept[i] = values[indexOf(allowed[i])];
        }
        return new Gene(name, meaning, Arrays.stream(kept).distinct().sorted().toArray(), whole);
    }

    public String name() {
        return name;
    }

    /** What the gene controls, in words. */
    public String meaning() {
        return meaning;
    }

    public int size() {
        return values.length;
    }

    public boolean isWhole() {
        return whole;
    }

    public double value(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidValueException(
                    name + " index", index, "must be between 0 and " + (values.length - 1));
        }
        return values[index];
    }

    /** The index of a value, or an error listing the allowed values. */
    public int indexOf(double value) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - value) <= 1e-12 * Math.max(1, Math.abs(value))) {
                return i;
            }
        }
        throw new InvalidValueException(name, format(value), "allowed values are " + allowedValues());
    }

    /** The value printed as a user would write it. */
    public String format(double value) {
        if (whole) {
            return Long.toString(Math.round(value));
        }
        String s = String.format(Locale.ROOT, "%.4g", value);
        return Double.toString(Double.parseDouble(s)).replace(".0E", "E").replace("E", "e");
    }

    public String allowedValues() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(format(values[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gene g
                && g.name.equals(name)
                && g.whole == whole
                && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + " " + allowedValues();
    }
}
