package io.todoke.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * "TLS in Todoke" of docs/OPERATIONS.md: the environment lines of its block, as written (the PEM paths and the port
 * moved to this test's), with the secure-cookie line, make the app answer HTTPS with the certificate and send its
 * session cookie only over HTTPS.
 */
class TlsInTodokeTest {

    @Test
    void theRunbooksSslBundleLinesServeHttpsWithASecureSessionCookie() throws Exception {
        Path dir = TestWorkspace.create("todoke-tls-test-");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String made = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(1, TimeUnit.MINUTES) && openssl.exitValue() == 0).as(made).isTrue();

        int port = freePort();
        Map<String, Object> env = new LinkedHashMap<>();
        for (String line : runbookBlock()) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1)
                    .replace("/etc/todoke/tls/fullchain.pem", cert.toString())
                    .replace("/etc/todoke/tls/privkey.pem", key.toString())
                    .replace("8443", Integer.toString(port)));
        }
        assertThat(env).containsKeys("SERVER_SSL_BUNDLE", "TODOKE_PORT");
        env.put("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true");

        try (ConfigurableApplicationContext app = start(env, dir)) {
            assertThat(app.getEnvironment().getProperty("server.ssl.bundle")).isEqualTo("todoke");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
                    assertThat(c).startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly"));
        }
    }

    /** The lines of the block under "TLS in Todoke". */
    private static List<String> runbookBlock() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "OPERATIONS.md"));
        String after = doc.substring(doc.indexOf("**TLS in Todoke**"));
        int open = after.indexOf("```");
        int close = after.indexOf("```", open + 3);
        return after.substring(open + 3, close).lines().map(String::strip).filter(l -> l.contains("=")).toList();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> env, Path dir) throws IOException {
        return new SpringApplicationBuilder(TodokeApplication.class)
                // The lines as the environment gives them: a "-systemEnvironment" name selects its mapping.
                .initializers(context -> context.getEnvironment().getPropertySources().addAfter(
                        StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                "runbook-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/todoke") + ";AUTO_SERVER=FALSE",
                        "--todoke.forms-dir=../config/forms",
                        "--todoke.followup.config-dir=../config/followup",
                        "--todoke.logging.dir=" + dir.resolve("log"),
                        "--todoke.security.initial-admin.password=admin-test-password",
                        "--todoke.intake.inboxes[0].name=main",
                        "--todoke.intake.inboxes[0].path=" + dir.resolve("inbox"),
                        "--todoke.intake.archive-dir=" + dir.resolve("archive"),
                        "--todoke.intake.error-dir=" + dir.resolve("error"),
                        "--todoke.intake.work-dir=" + dir.resolve("work"),
                        "--search.elasticsearch.uris=http://127.0.0.1:" + freePort(),
                        "--search.elasticsearch.connect-timeout=300ms");
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("todoke", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
