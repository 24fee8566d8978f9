package seqpool.tss.keystore;

/** The passphrase does not open this node's key store (it was created with another one). Nothing was changed. */
public class WrongPassphraseException extends Exception {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException() {
        super("wrong passphrase: the TSS key store was created with a different passphrase (tss.passphrase)");
    }
}
