package io.paretone.experiments.cli;

import io.paretone.experiments.config.Setting;
import io.paretone.experiments.config.StudyConfig;
import io.paretone.experiments.config.StudySchema;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of {@code search}, {@code quickstart} and {@code bench}: one per setting of
 * {@link StudySchema} that names a flag, made from it. Each one, when given, overrides the same key
 * of the config. A command gets them by implementing {@link Command} and naming {@link Install} as
 * its model transformer.
 */
public final class StudyOptions {
    /** A command that takes the study options. */
    public interface Command {
        StudyOptions studyOptions();
    }

    /** Adds a {@link Command}'s study options to its spec, as picocli builds it. */
    public static final class Install implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.addMixin("study", ((Command) spec.userObject()).studyOptions().mixin());
            return spec;
        }
    }

    /** The value given for one setting's option; null when not given. */
    private static final class Given implements IGetter, ISetter {
        final Setting setting;
        Object value;

        Given(Setting setting) {
            this.setting = setting;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T v) {
            Object old = value;
            value = v;
            return (T) old;
        }
    }

    /** One per option, in the schema's order, which is the order they are applied in. */
    private final List<Given> given = new ArrayList<>();

    public StudyOptions() {
        StudySchema.ALL.stream().filter(s -> s.flag() != null).forEach(s -> given.add(new Given(s)));
    }

    private CommandSpec mixin() {
        CommandSpec spec = CommandSpec.create();
        for (Given g : given) {
            Setting s = g.setting;
            OptionSpec.Builder b = OptionSpec.builder(s.flag())
                    .description(s.optionHelp().replace("%", "%%")) // picocli formats descriptions
                    .getter(g)
                    .setter(g);
            if (s.paramLabel() != null) {
                b.paramLabel(s.paramLabel());
            }
            if (s.type() == List.class) {
                b.type(List.class).auxiliaryTypes(s.elementType()).splitRegex(",");
            } else {
                b.type(s.type());
            }
            spec.addOption(b.build());
        }
        return spec;
    }

    /** Writes every option that was given over the config. */
    void applyTo(StudyConfig c) {
        for (Given g : given) {
            if (g.value != null) {
                g.setting.write(c, g.value);
            }
        }
    }

    /** The stored study named by {@code --study}; null when not given. */
    String study() {
        return given.stream()
                .filter(g -> g.setting.key().equals("study"))
                .findFirst()
                .map(g -> (String) g.value)
                .orElse(null);
    }
}
