package seqpool.tss.keystore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.KeyInfo;
import seqpool.api.tss.KeyStatus;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;

/** Canonical encodings of what the vault stores: key records (public) and key shares (encrypted by the caller). */
final class VaultCodec {
    private VaultCodec() {
    }

    static byte[] key(String tag, KeyId id, int generation, long nonce, int parts) {
        WireWriter w = new WireWriter().raw(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .raw(id.value().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).u8(0);
        if (parts >= 1) {
            w.u32(generation);
        }
        if (parts >= 2) {
            w.u64(nonce);
        }
        return w.toByteArray();
    }

    static byte[] encodeCommittee(WireWriter w, Committee c) {
        w.u16(c.size()).u16(c.threshold());
        c.members().forEach(a -> w.raw(a.value().toArray()));
        return null;
    }

    static Committee decodeCommittee(WireReader r) throws MalformedMessageException {
        int n = r.u16();
        int t = r.u16();
        List<Address> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new Address(Bytes.wrap(r.raw(20))));
        }
        try {
            return new Committee(members, t);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    static byte[] encodeInfo(KeyInfo k) {
        WireWriter w = new WireWriter().u8(1).string(k.keyId().value()).u32(k.generation()).u8(statusCode(k.status()))
                .raw(k.groupKey().toArray());
        encodeCommittee(w, k.committee());
        return w.toByteArray();
    }

    static KeyInfo decodeInfo(byte[] b) throws MalformedMessageException {
        WireReader r = new WireReader(b);
        if (r.u8() != 1) {
            throw new MalformedMessageException("unknown key record version");
        }
        KeyId id = KeyId.of(r.string(64));
        int gen = (int) r.u32();
        int status = r.u8();
        Bytes gk = Bytes.wrap(r.raw(33));
        Committee c = decodeCommittee(r);
        r.end();
        return new KeyInfo(id, gen, c, gk, statusOf(status));
    }

    /** Stored status codes, explicit (they equal the 1.0 enum positions, so older vaults read the same). */
    static int statusCode(KeyStatus s) {
        return switch (s) {
            case GENERATING -> 0;
            case ACTIVE -> 1;
            case RESHARING -> 2;
            case NOT_A_MEMBER -> 3;
            case DELETED -> 4;
        };
    }

    static KeyStatus statusOf(int code) throws MalformedMessageException {
        return switch (code) {
            case 0 -> KeyStatus.GENERATING;
            case 1 -> KeyStatus.ACTIVE;
            case 2 -> KeyStatus.RESHARING;
            case 3 -> KeyStatus.NOT_A_MEMBER;
            case 4 -> KeyStatus.DELETED;
            default -> throw new MalformedMessageException("unknown key status code " + code);
        };
    }

    /**
     * Share record, version 2: identifier, generation, secret, threshold, group key, public shares, then a flag and
     * the confirmation certificate. Version 1 (no certificate) is still read. Caller zeroes it.
     */
    static byte[] encodeShare(KeyShare s) {
        byte[] secret = s.exportSecret();
        try {
            PublicKeyPackage p = s.publicKeys();
            WireWriter w = new WireWriter().u8(2).u16(s.identifier()).u32(s.generation()).raw(secret)
                    .u16(p.threshold());
            Secp256k1Group.writePoint(w, p.groupKey()).u16(p.publicShares().size());
            p.publicShares().forEach((id, x) -> Secp256k1Group.writePoint(w.u16(id), x));
            w.u8(s.certificate().isPresent() ? 1 : 0);
            s.certificate().ifPresent(c -> c.encode(w));
            return w.toByteArray();
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    static KeyShare decodeShare(byte[] b) throws MalformedMessageException {
        WireReader r = new WireReader(b);
        int version = r.u8();
        if (version != 1 && version != 2) {
            throw new MalformedMessageException("unknown share record version");
        }
        int id = r.u16();
        int gen = (int) r.u32();
        java.math.BigInteger secret = Secp256k1Group.readScalar(r);
        int t = r.u16();
        ECPoint gk = Secp256k1Group.readPoint(r);
        int n = r.u16();
        Map<Integer, ECPoint> publics = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            publics.put(r.u16(), Secp256k1Group.readPoint(r));
        }
        ConfirmationCertificate cert = version == 2 && r.u8() == 1 ? ConfirmationCertificate.decode(r, 1 << 16) : null;
        r.end();
        try {
            return new KeyShare(id, gen, secret, new PublicKeyPackage(gk, publics, t), cert);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("stored share is inconsistent: " + e.getMessage());
        }
    }
}
