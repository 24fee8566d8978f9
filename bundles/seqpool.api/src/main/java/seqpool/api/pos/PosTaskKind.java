package seqpool.api.pos;

/** What a {@link PosTask} asks for. */
public enum PosTaskKind {
    KEYGEN, RESHARE, ROTATE_KEY, SIGN_EPOCH, SIGN_BATCH, REPORT_REWARDS, REPORT_SLASH
}
