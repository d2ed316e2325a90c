package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Each derived single-byte table must equal the Encoding standard's index table. The digests are
 * SHA-256 of the 256-entry table (bytes 0x00-0x7F as themselves, unmapped bytes as U+FFFD) as
 * UTF-16BE, computed from the standard's index-*.txt files (2024-09-18 versions; x-user-defined by
 * its formula). A changed JDK charset that breaks a table fails here.
 */
class SingleByteIndexesTest {
    private static final String[] DIGESTS = {
        "ibm866", "e4a3253d8b4d372a1d8e13241b422d2b621d3b41c4fda82853522c98fca9b50b",
        "iso-8859-2", "1797483b96c34315d986f797cc2620d59a1299e10115cba8b5da7b0bae97905e",
        "iso-8859-3", "2808eb4207e86dc7498c833b3c671b7d3fc451aa8aee12e120aafa36d94a36f8",
        "iso-8859-4", "1b37d2198cf075627324ae0d5a50392a82a5dcf59b4865ff04cbd14cf65b0fab",
        "iso-8859-5", "a4cc4b4d90895220365beeb693b0bbfa6f3f55cc7bf99b6726cf82f888e4c509",
        "iso-8859-6", "60a6fdac37cf093fcec041d89e23cba68a777df73fd3e9557e35889f5ecffef1",
        "iso-8859-7", "1032541b2413fcd6b3dd450d286c1dd21395bbd22ba16a4eefddc8a2548155e7",
        "iso-8859-8", "afe5f2e5403561982e0abaab8723b1c94b5bec5d15bdf792150284a457f0f4c0",
        "iso-8859-8-i", "afe5f2e5403561982e0abaab8723b1c94b5bec5d15bdf792150284a457f0f4c0",
        "iso-8859-10", "4ca2f9a7cd6ef45c503bce1e05e28ff62f1e889b7028a27bb81e80e390d1f2c7",
        "iso-8859-13", "4d3c748acf108112617d368dc3acc82268a5f0ce20459a2bf26c57456a5c1a6e",
        "iso-8859-14", "bb87ba98a4b13cf8a60a1adf5db96087227236d544439c0674981d56fb0f83af",
        "iso-8859-15", "683298d72319f9c4e48fec228b3656c86c11ef8bd9dcac3ea93c3e82dcb7e065",
        "iso-8859-16", "9ab68c1fa80ab899fbdfb98fb2bf189cd90712101f9f8570a1764641030eed08",
        "koi8-r", "65088aeb843544820b519b33782835493e236ebc8dd6f6d138056d455b73334e",
        "koi8-u", "aa830b911d7daaab2535558b39276b1fafda0ce8065f4aa03c95f987c1b0a348",
        "macintosh", "592e5c565694edf0a55ffdc465fd153db86987e7bb41ef363b7142b23ceb5f8a",
        "windows-874", "14a4646488061cd0883795a8dc4a673a0e4b1325efbaf79779241418aeefb65b",
        "windows-1250", "51493fa9b5f379fa8e8d0cab24e5fb874eb325521bd320859fc11d84097f0c28",
        "windows-1251", "88a2bf7028802118abac804b646f04e97aa86da8f256628661c5e8e5f4cdab1f",
        "windows-1252", "5f883b3909ed608b74067ebb03d75c351259da8f44d13a119c25e5b53fbf9756",
        "windows-1253", "bccf60562330fa2fc9cc3266639fce0330ba5a7ddbca4d0941904d9459fc230c",
        "windows-1254", "4a5aaf4277f4401acbe1485a49818c205e468b2388a3a87778456e92e00481b2",
        "windows-1255", "399113f682f8990fa987017600981b5070ffa9c1d2f9593a0479e9ee8ca03b9a",
        "windows-1256", "b9ed20ab027c0f74a930e6373e478702539931683a1e78b9bcc583732e19064c",
        "windows-1257", "6cfe4adc663c11fa8cfd7ae83df8947b62f25339aa17217fcbc50c867827cdfd",
        "windows-1258", "fcba38e371274038cf7fb83fe05a81482f399b848849aa2c576b077317c76839",
        "x-mac-cyrillic", "3260d80b4aaa0d85aaaca54403f113ed1fe38585d9bf98080b2d2c0bbfbf70a1",
        "x-user-defined", "0fb08f278e16f00b2e5b23b67029ca1e0b3b163dc0b0c49ce7ee05fdbc05a204",
    };

    @Test
    void everyTableMatchesTheStandard() throws Exception {
        assertEquals(SingleByteIndexes.NAMES.length * 2, DIGESTS.length);
        for (int i = 0; i < DIGESTS.length; i += 2) {
            int id = SingleByteIndexes.id(DIGESTS[i]);
            assertEquals(i / 2, id, DIGESTS[i]);
            char[] t = SingleByteIndexes.copy(id);
            byte[] be = new byte[512];
            for (int b = 0; b < 256; b++) {
                be[2 * b] = (byte) (t[b] >> 8);
                be[2 * b + 1] = (byte) t[b];
            }
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(be));
            assertEquals(DIGESTS[i + 1], digest, "table of " + DIGESTS[i]);
        }
    }

    @Test
    void knownValues() {
        char[] koi8u = SingleByteIndexes.copy(SingleByteIndexes.id("koi8-u"));
        assertEquals('\u045E', koi8u[0xAE]);
        assertEquals('\u040E', koi8u[0xBE]);
        char[] w1252 = SingleByteIndexes.copy(SingleByteIndexes.id("windows-1252"));
        assertEquals('\u20AC', w1252[0x80]);
        assertEquals('\u0081', w1252[0x81]);
        assertEquals('\u00FF', w1252[0xFF]);
        char[] w874 = SingleByteIndexes.copy(SingleByteIndexes.id("windows-874"));
        assertEquals(SingleByteIndexes.UNMAPPED, w874[0xDB]);
        assertEquals('\u0E3F', w874[0xDF]);
    }
}
