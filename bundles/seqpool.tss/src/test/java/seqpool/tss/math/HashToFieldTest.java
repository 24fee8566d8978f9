package seqpool.tss.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9380 Appendix K.1: expand_message_xmd(SHA-256), typed in from the RFC text. */
class HashToFieldTest {
    private static final String DST = "QUUX-V01-CS02-with-expander-SHA256-128";
    private static final String LONG_DST = "QUUX-V01-CS02-with-expander-SHA256-128-long-DST-"
            + "1".repeat(208);

    private static String msg(String name) {
        return switch (name) {
            case "empty" -> "";
            case "q128" -> "q128_" + "q".repeat(128);
            case "a512" -> "a512_" + "a".repeat(512);
            default -> name;
        };
    }

    @ParameterizedTest(name = "K.1 msg={0} len={1}")
    @CsvSource({
        "empty,32,68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235",
        "abc,32,d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615",
        "abcdef0123456789,32,eff31487c770a893cfb36f912fbfcbff40d5661771ca4b2cb4eafe524333f5c1",
        "q128,32,b23a1d2b4d97b2ef7785562a7e8bac7eed54ed6e97e29aa51bfe3f12ddad1ff9",
        "a512,32,4623227bcc01293b8c130bf771da8c298dede7383243dc0993d2d94823958c4c",
        "empty,128,af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dcc541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced",
        "abc,128,abba86a6129e366fc877aab32fc4ffc70120d8996c88aee2fe4b32d6c7b6437a647e6c3163d40b76a73cf6a5674ef1d890f95b664ee0afa5359a5c4e07985635bbecbac65d747d3d2da7ec2b8221b17b0ca9dc8a1ac1c07ea6a1e60583e2cb00058e77b7b72a298425cd1b941ad4ec65e8afc50303a22c0f99b0509b4c895f40",
    })
    void expandMessageXmdSha256(String name, int len, String expected) {
        byte[] out = HashToField.expandMessageXmd(msg(name).getBytes(StandardCharsets.US_ASCII),
                DST.getBytes(StandardCharsets.US_ASCII), len);
        assertEquals(expected, HexFormat.of().formatHex(out));
    }

    @ParameterizedTest(name = "K.2 long DST msg={0}")
    @CsvSource({
        "empty,32,e8dc0c8b686b7ef2074086fbdd2f30e3f8bfbd3bdf177f73f04b97ce618a3ed3",
        "abc,32,52dbf4f36cf560fca57dedec2ad924ee9c266341d8f3d6afe5171733b16bbb12",
    })
    void expandMessageXmdSha256LongDst(String name, int len, String expected) {
        byte[] out = HashToField.expandMessageXmd(msg(name).getBytes(StandardCharsets.US_ASCII),
                LONG_DST.getBytes(StandardCharsets.US_ASCII), len);
        assertEquals(expected, HexFormat.of().formatHex(out));
    }
}
