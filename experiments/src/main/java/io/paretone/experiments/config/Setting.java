package io.paretone.experiments.config;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One study setting as {@link StudySchema} declares it: its YAML key, the option that overrides it,
 * its help, its default and, for a dataset key, the dataset kinds that read it. The command-line
 * options, the check of dataset keys against the kind and the settings table of docs/configuration.md are all
 * made from these; {@link StudyConfig} holds the values read.
 *
 * @param key the YAML key, sections joined by dots ({@code energy.pue})
 * @param type the value's type; {@link List} or {@link Map} for those
 * @param elementType a list's element type; null otherwise
 * @param entryName for a map, what its keys are, as the settings table names them ({@code GENE}); null otherwise
 * @param flag the command-line option ({@code --pue}); null for a key set in YAML only
 * @param paramLabel the option's parameter in the help ({@code X}); null for a flag without one
 * @param help what the setting does, one phrase without a closing period
 * @param byDefault the default in words; null for none (the setting is off or unset)
 * @param kinds for a dataset key, the dataset kinds that read it; null for the others
 * @param get reads the setting from a config, null when unset
 * @param set writes the setting into a config; null for a setting no option writes
 */
public record Setting(
        String key,
        Class<?> type,
        Class<?> elementType,
        String entryName,
        String flag,
        String paramLabel,
        String help,
        String byDefault,
        List<String> kinds,
        Function<StudyConfig, Object> get,
        BiConsumer<StudyConfig, Object> set) {

    public Setting {
        kinds = kinds == null ? null : List.copyOf(kinds);
    }

    /** A single value of that type. */
    static <T> Setting of(String key, Class<T> type, Function<StudyConfig, T> get, BiConsumer<StudyConfig, T> set) {
        return new Setting(
                key, type, null, null, null, null, "", null, null, get::apply, (c, v) -> set.accept(c, type.cast(v)));
    }

    /** A list of values of that type; an option gives them comma-separated. */
    static <E> Setting list(
            String key, Class<E> element, Function<StudyConfig, List<E>> get, BiConsumer<StudyConfig, List<E>> set) {
        return new Setting(
                key,
                List.class,
                element,
                null,
                null,
                null,
                "",
                null,
                null,
                get::apply,
                (c, v) ->
                        set.accept(c, ((List<?>) v).stream().map(element::cast).toList()));
    }

    /** A section of free keys (genes, objectives), each to a list of values; YAML only. */
    static Setting map(String key, String entryName, Function<StudyConfig, Map<String, ?>> get) {
        return new Setting(
                key,
                Map.class,
                null,
                entryName,
                null,
                null,
                "",
                null,
                null,
                c -> get.apply(c).isEmpty() ? null : get.apply(c),
                null);
    }

    /** This setting with an option that overrides it. */
    Setting flag(String option, String label) {
        return new Setting(key, type, elementType, entryName, option, label, help, byDefault, kinds, get, set);
    }

    /** This setting with its help. */
    Setting help(String text) {
        return new Setting(key, type, elementType, entryName, flag, paramLabel, text, byDefault, kinds, get, set);
    }

    /** This setting with its default, in words. */
    Setting byDefault(String text) {
        return new Setting(key, type, elementType, entryName, flag, paramLabel, help, text, kinds, get, set);
    }

    /** This dataset setting, read by these kinds only. */
    Setting forKinds(List<DatasetKind> datasetKinds) {
        return new Setting(
                key,
                type,
                elementType,
                entryName,
                flag,
                paramLabel,
                help,
                byDefault,
                datasetKinds.stream().map(DatasetKind::id).toList(),
                get,
                set);
    }

    /** True when the config gives a value for this setting. */
    public boolean isSet(StudyConfig c) {
        return get.apply(c) != null;
    }

    /** Writes a value, of {@link #type} (a list of {@link #elementType}), into the config. */
    public void write(StudyConfig c, Object value) {
        set.accept(c, value);
    }

    /** The key as the settings table shows it: a map's with its entries' name ({@code space.GENE}). */
    public String documentedKey() {
        return entryName == null ? key : key + "." + entryName;
    }

    /** The kinds reading this dataset key, in words: {@code notes}, {@code wav-folder or image-folder}, or a list. */
    public String kindWords() {
        return kinds.size() == 2 ? kinds.get(0) + " or " + kinds.get(1) : String.join(", ", kinds);
    }

    /** The option's help: the setting's, and its default. */
    public String optionHelp() {
        return help + (byDefault == null ? "" : " (default: " + byDefault + ")") + ".";
    }
}
