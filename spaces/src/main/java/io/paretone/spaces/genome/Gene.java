package io.paretone.spaces.genome;

import io.paretone.spaces.check.InvalidValueException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One searchable choice of an architecture: a name and the list of values it may take, and
 * optionally the condition under which it exists at all.
 *
 * <p>Every gene is discrete: the optimiser sees the index of a value. Three kinds differ in how
 * values read, print and mutate:
 *
 * <ul>
 *   <li>whole numbers ({@link #ofInts}) and real numbers ({@link #ofReals}) are <em>ordered</em>:
 *       neighbouring indices are neighbouring values (layer counts, learning rates on a log grid),
 *       so mutation may step to a nearby value;
 *   <li>choices ({@link #ofChoices}) are <em>categorical</em>: the model family, a cell type, a
 *       loss. Their order means nothing, so mutation resets them to another value drawn uniformly.
 * </ul>
 *
 * <p>A gene with a {@link Condition} exists only when another gene, declared before it, takes one
 * of the listed values (a GAN's loss only under {@code family=wavegan}). It is declared once, here,
 * and every part of paretone reads activity from {@link SearchSpace#isActive}.
 */
public final class Gene {
    /** How a gene's values read and mutate. */
    public enum Kind {
        WHOLE,
        REAL,
        CATEGORICAL
    }

    /**
     * The gene exists only when gene {@code parent} takes one of {@code values} (as printed).
     */
    public record Condition(String parent, List<String> values) {
        public Condition {
            Objects.requireNonNull(parent, "parent");
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return parent + (values.size() == 1 ? "=" + values.get(0) : " in " + values);
        }
    }

    private final String name;
    private final String meaning;
    private final double[] values;
    private final String[] labels; // categorical only
    private final Kind kind;
    private final Condition condition;

    private Gene(String name, String meaning, double[] values, String[] labels, Kind kind, Condition condition) {
        if (values.length == 0) {
            throw new InvalidValueException(name, "[]", "a gene needs at least one value");
        }
        this.name = name;
        this.meaning = meaning;
        this.values = values;
        this.labels = labels;
        this.kind = kind;
        this.condition = condition;
    }

    /** A gene whose values are whole numbers, such as a layer count. */
    public static Gene ofInts(String name, String meaning, int... values) {
        return new Gene(name, meaning, Arrays.stream(values).asDoubleStream().toArray(), null, Kind.WHOLE, null);
    }

    /** A gene whose values are real numbers, such as a learning rate. */
    public static Gene ofReals(String name, String meaning, double... values) {
        return new Gene(name, meaning, values.clone(), null, Kind.REAL, null);
    }

    /** A categorical gene: one of the named choices, such as a model family or a cell type. */
    public static Gene ofChoices(String name, String meaning, String... choices) {
        double[] v = new double[choices.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
            if (Arrays.asList(choices).subList(0, i).contains(choices[i])) {
                throw new InvalidValueException(name, choices[i], "each choice may appear once");
            }
        }
        return new Gene(name, meaning, v, choices.clone(), Kind.CATEGORICAL, null);
    }

    /** This gene, existing only when {@code parent} takes one of {@code parentValues}. */
    public Gene onlyWhen(String parent, String... parentValues) {
        return new Gene(name, meaning, values, labels, kind, new Condition(parent, List.of(parentValues)));
    }

    /** This gene under another name and condition (how a family's gene enters the mixed space). */
    Gene renamed(String newName, Condition newCondition) {
        return new Gene(newName, meaning, values, labels, kind, newCondition);
    }

    /** The same gene limited to the given values, each written as a user would and already allowed. */
    public Gene restrictedTo(List<String> allowed) {
        if (allowed.isEmpty()) {
            throw new InvalidValueException(name, "[]", "give at least one value");
        }
        int[] kept = allowed.stream().mapToInt(this::parse).distinct().sorted().toArray();
        double[] v = new double[kept.length];
        String[] l = labels == null ? null : new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            v[i] = values[kept[i]];
            if (l != null) {
                l[i] = labels[kept[i]];
                v[i] = i; // categorical values are always 0..n-1
            }
        }
        return new Gene(name, meaning, v, l, kind, condition);
    }

    public String name() {
        return name;
    }

    /** What the gene controls, in words. */
    public String meaning() {
        return meaning;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    /** The condition under which the gene exists, or null if it always does. */
    public Condition condition() {
        return condition;
    }

    public int size() {
        return values.length;
    }

    public boolean isWhole() {
        return kind == Kind.WHOLE;
    }

    public double value(int index) {
        checkIndex(index);
        return values[index];
    }

    /** The value at an index as printed: a number, or a choice's name. */
    public String text(int index) {
        checkIndex(index);
        return labels != null ? labels[index] : format(values[index]);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidValueException(name + " index", index, "must be between 0 and " + (values.length - 1));
        }
    }

    /** The index of a numeric value, or an error listing the allowed values. */
    public int indexOf(double value) {
        if (labels == null) {
            for (int i = 0; i < values.length; i++) {
                if (Math.abs(values[i] - value) <= 1e-12 * Math.max(1, Math.abs(value))) {
                    return i;
                }
            }
        }
        throw new InvalidValueException(name, format(value), "allowed values are " + allowedValues());
    }

    /**
     * The index of a value written as text (a number or a choice), or an error listing the allowed
     * values. A choice matches ignoring case and '-' against '_' ({@code wgan-gp} is
     * {@code wgan_gp}, as genomes stored before the spellings were made one still say).
     */
    public int parse(String text) {
        String t = text.trim();
        if (labels != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].replace('-', '_').equalsIgnoreCase(t.replace('-', '_'))) {
                    return i;
                }
            }
            throw new InvalidValueException(name, t, "allowed values are " + allowedValues());
        }
        try {
            return indexOf(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, t, "must be a number; allowed values are " + allowedValues());
        }
    }

    /** A numeric value printed as a user would write it. */
    public String format(double value) {
        if (kind == Kind.WHOLE) {
            return Long.toString(Math.round(value));
        }
        if (kind == Kind.CATEGORICAL) {
            return labels[(int) Math.round(value)];
        }
        String s = String.format(Locale.ROOT, "%.4g", value);
        return Double.toString(Double.parseDouble(s)).replace(".0E", "E").replace("E", "e");
    }

    public String allowedValues() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(text(i));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gene g
                && g.name.equals(name)
                && g.kind == kind
                && Arrays.equals(g.values, values)
                && Arrays.equals(g.labels, labels)
                && Objects.equals(g.condition, condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(values), Arrays.hashCode(labels), condition);
    }

    @Override
    public String toString() {
        return name + " " + allowedValues() + (condition == null ? "" : " when " + condition);
    }
}
