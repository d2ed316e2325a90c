package dev.jworkers.jsapi;

import java.util.Set;

import org.graalvm.polyglot.HostAccess;

import com.ibm.icu.text.IDNA;

/**
 * {@code ops.url}: the part of the URL parser that needs Unicode data, UTS #46 ToASCII.
 *
 * <p>The URL Standard's "domain to ASCII" is UTS #46 processing (nontransitional, CheckBidi,
 * CheckJoiners, no STD3 rules, no hyphen or DNS length checks), which {@code java.net.IDN}
 * (IDNA2003) does not implement. ICU4J's UTS #46 does, with Unicode data recent enough for the
 * web-platform-tests IDNA data; it is loaded on the first non-ASCII host only, since url.js
 * handles ASCII domains itself.
 */
public final class UrlOps {
    /** Errors of the checks the URL Standard turns off: CheckHyphens=false, VerifyDnsLength=false. */
    private static final Set<IDNA.Error> IGNORED = Set.of(
            IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG,
            IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN, IDNA.Error.HYPHEN_3_4);

    private static final class Uts46 {
        static final IDNA INSTANCE = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
                | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
    }

    /** UTS #46 ToASCII of {@code domain} with the URL Standard's options, or null on failure. */
    @HostAccess.Export
    public String domainToAscii(String domain) {
        return toAscii(domain);
    }

    static String toAscii(String domain) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = Uts46.INSTANCE.nameToASCII(domain, new StringBuilder(domain.length() + 16), info);
        for (IDNA.Error e : info.getErrors()) {
            if (!IGNORED.contains(e)) return null;
        }
        return out.toString();
    }
}
