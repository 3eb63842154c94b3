package dk.greatercph.ope.web.api;

import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page's upload handed to the API as a file: read from the file as the API reads it, closed after the call. */
class ApiRequestTest {

    @TempDir
    Path folder;

    @Test
    void aFileBodyIsReadFromTheFileWithItsLengthAndClosedWithTheRequest() throws IOException {
        String csv = "country,requestingOrganisation\nCN,Æbeltoft – 北京\n";
        Path file = Files.writeString(folder.resolve("upload.csv"), csv, StandardCharsets.UTF_8);
        ServletInputStream in;
        try (ApiRequest request = new ApiRequest(new MockHttpServletRequest(), "POST", null, Map.of(), file,
                Map.of("Content-Type", "text/csv"))) {
            long bytes = Files.size(file);
            assertThat(request.getContentLengthLong()).isEqualTo(bytes);
            assertThat(request.getHeader("Content-Length")).isEqualTo(Long.toString(bytes));
            in = request.getInputStream();
            assertThat(in.isFinished()).isFalse();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
            assertThat(in.isFinished()).isTrue();
        }
        assertThatThrownBy(in::read).as("closed with the request").isInstanceOf(IOException.class);
    }

    @Test
    void aBodyOfBytesIsReadAsBefore() throws IOException {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        try (ApiRequest request = new ApiRequest(new MockHttpServletRequest(), "POST", null, Map.of(), json,
                Map.of("Content-Type", "application/json"))) {
            assertThat(request.getContentLength()).isEqualTo(json.length);
            assertThat(request.getInputStream().readAllBytes()).isEqualTo(json);
        }
    }
}
