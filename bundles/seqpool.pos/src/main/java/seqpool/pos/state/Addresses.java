package seqpool.pos.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import seqpool.api.common.Address;

/** Address lists in task parameters: comma-separated 0x-hex, in the order given. */
public final class Addresses {
    private Addresses() {
    }

    public static String join(Collection<Address> as) {
        StringBuilder b = new StringBuilder();
        for (Address a : as) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(a.toHex());
        }
        return b.toString();
    }

    public static List<Address> parse(String s) {
        List<Address> out = new ArrayList<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String p : s.split(",")) {
            out.add(Address.fromHex(p));
        }
        return out;
    }
}
