package seqpool.node.config;

/** The value types a configuration key can have; each converts to the type published to ConfigAdmin. */
public enum ValueType {
    /** A string (published as {@code String}). */
    STRING("string"),
    /** A file-system path; relative paths are resolved against the config file's directory. */
    PATH("path"),
    /** A whole number within the key's range (published as {@code Integer}). */
    INT("int"),
    /** A whole number within the key's range (published as {@code Long}). */
    LONG("long"),
    /** {@code true} or {@code false}. */
    BOOL("bool"),
    /** One of the key's allowed words. */
    ENUM("enum"),
    /** A list of strings (published as {@code String[]}). */
    STRING_LIST("list");

    private final String docName;

    ValueType(String docName) {
        this.docName = docName;
    }

    /** The name used in the type column of docs/configuration.md. */
    public String docName() {
        return docName;
    }
}
