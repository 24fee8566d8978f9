package seqpool.tss.testing;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/** Deterministic test parties: address 0x00..0i, trace name "n"+i. */
public final class Parties {
    private Parties() {
    }

    public static Address address(int i) {
        byte[] b = new byte[20];
        b[18] = (byte) (i >>> 8);
        b[19] = (byte) i;
        return new Address(Bytes.wrap(b));
    }

    public static String name(Address a) {
        return "n" + (((a.value().get(18) & 0xff) << 8) | (a.value().get(19) & 0xff));
    }

    public static List<Address> range(int from, int toInclusive) {
        List<Address> out = new ArrayList<>();
        for (int i = from; i <= toInclusive; i++) {
            out.add(address(i));
        }
        return out;
    }
}
