package seqpool.tss.host;

import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;

/**
 * What travels on the {@code mpc} channel: protocol (VSS or SIGN), the 32-byte task id that routes it to a session,
 * and the session's message.
 */
record MpcEnvelope(int protocol, byte[] taskId, byte[] body) {
    static final int VSS = 1;
    static final int SIGN = 2;
    static final int MAX_BODY = 1 << 20;

    byte[] encode() {
        return new WireWriter().u8(1).u8(protocol).raw(taskId).bytes(body).toByteArray();
    }

    static MpcEnvelope decode(byte[] b) throws MalformedMessageException {
        WireReader r = new WireReader(b);
        if (r.u8() != 1) {
            throw new MalformedMessageException("unknown mpc envelope version");
        }
        int p = r.u8();
        if (p != VSS && p != SIGN) {
            throw new MalformedMessageException("unknown mpc protocol " + p);
        }
        MpcEnvelope e = new MpcEnvelope(p, r.raw(32), r.bytes(MAX_BODY));
        r.end();
        return e;
    }

    String taskHex() {
        return java.util.HexFormat.of().formatHex(taskId);
    }
}
