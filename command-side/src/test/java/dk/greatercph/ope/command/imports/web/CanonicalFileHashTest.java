package dk.greatercph.ope.command.imports.web;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** An import file's identity ignores a byte-order mark and the style of its line ends, and nothing else. */
class CanonicalFileHashTest {

    private static String canonical(String text) throws Exception {
        return Imports.canonicalSha256(new BufferedInputStream(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static String plain(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void lineEndsAndAByteOrderMarkDoNotChangeTheFile() throws Exception {
        String lf = "country,dateReceived\nCN,2026-01-05\nSE,2026-02-01\n";
        assertThat(canonical(lf)).isEqualTo(plain(lf));
        assertThat(canonical(lf.replace("\n", "\r\n"))).isEqualTo(plain(lf));
        assertThat(canonical(lf.replace("\n", "\r"))).isEqualTo(plain(lf));
        assertThat(canonical("\uFEFF" + lf.replace("\n", "\r\n"))).isEqualTo(plain(lf));
        assertThat(canonical("x\r\r\ny")).isEqualTo(plain("x\n\ny"));
    }

    @Test
    void aLineEndSplitAcrossReadsIsStillOneLineEnd() throws Exception {
        String head = "a".repeat(64 * 1024 - 1);
        assertThat(canonical(head + "\r\nb\r\n")).isEqualTo(plain(head + "\nb\n"));
        assertThat(canonical(head + "\r\rb")).isEqualTo(plain(head + "\n\nb"));
    }

    @Test
    void anyOtherDifferenceIsAnotherFile() throws Exception {
        assertThat(canonical("CN,2026-01-05\n")).isNotEqualTo(canonical("CN,2026-01-06\n"));
        assertThat(canonical("CN\n")).isNotEqualTo(canonical("CN\n\n"));
    }
}
