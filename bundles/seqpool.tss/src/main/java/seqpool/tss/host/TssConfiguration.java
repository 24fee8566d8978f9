package seqpool.tss.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the TSS service (PID {@code seqpool.tss}). */
@ObjectClassDefinition(name = "seqpool TSS", description = "Threshold keys: DKG, resharing, FROST signing")
public @interface TssConfiguration {
    @AttributeDefinition(description = "File holding the operator's passphrase for the encrypted key vault "
            + "(first line). If empty, the environment variable SEQPOOL_TSS_PASSPHRASE is used.")
    String passphraseFile() default "";

    @AttributeDefinition(description = "Seconds a DKG, reshare or signing session may take before it aborts naming "
            + "the parties that did not answer")
    int sessionTimeoutSeconds() default 60;
}
