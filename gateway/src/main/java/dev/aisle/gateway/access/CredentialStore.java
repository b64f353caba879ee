package dev.aisle.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The API keys (by SHA-256 hash) and admin users (bcrypt) the gateway accepts, and the check of a request's
 * {@code X-API-Key} or {@code Authorization: Basic} header against them.
 */
@Component
public class CredentialStore {

    /** The header storefront clients send their API key in. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final int MAX_VERIFIED = 10_000;

    private final Map<String, Caller> apiKeysByHash = new ConcurrentHashMap<>();
    private final Map<String, AccessProperties.AdminUser> adminUsers = new ConcurrentHashMap<>();
    // bcrypt costs tens of milliseconds: remember credentials already verified, keyed by a hash of the header
    private final Map<String, Caller> verifiedBasic = new ConcurrentHashMap<>();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final String dummyHash = bcrypt.encode("timing-equaliser");

    public CredentialStore(AccessProperties properties) {
        properties.apiKeys().forEach(this::addApiKey);
        properties.adminUsers().forEach(this::addAdminUser);
    }

    /** Accepts one more storefront key. */
    public void addApiKey(AccessProperties.ApiKey key) {
        apiKeysByHash.put(key.keyHash().toLowerCase(Locale.ROOT),
                new Caller(key.name(), false, key.rateLimit(), key.burst()));
    }

    /** Accepts one more admin user. */
    public void addAdminUser(AccessProperties.AdminUser user) {
        adminUsers.put(user.username(), user);
        verifiedBasic.clear();
    }

    /** Encodes a password with bcrypt, as admin users' {@code password-hash} expects. */
    public String bcrypt(String password) {
        return bcrypt.encode(password);
    }

    /** The lower-case hex SHA-256 of a string, as API keys' {@code key-hash} expects. */
    public static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Checks the request's credentials; HTTP Basic wins when both are present. */
    Mono<Authentication> authenticate(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        String apiKey = headers.getFirst(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            Caller caller = apiKeysByHash.get(sha256Hex(apiKey.trim()));
            return Mono.just(caller == null ? Authentication.rejected("ApiKey")
                    : Authentication.accepted(caller, "ApiKey"));
        }
        return Mono.just(authorization == null ? Authentication.ABSENT : Authentication.rejected("Basic"));
    }

    private Mono<Authentication> basic(String token) {
        String cacheKey = sha256Hex(token);
        Caller known = verifiedBasic.get(cacheKey);
        if (known != null) {
            return Mono.just(Authentication.accepted(known, "Basic"));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return Mono.just(Authentication.rejected("Basic"));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Mono.just(Authentication.rejected("Basic"));
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        AccessProperties.AdminUser user = adminUsers.get(username);
        // unknown users still pay for one bcrypt check so timing does not reveal which names exist
        String hash = user == null ? dummyHash : user.passwordHash();
        return Mono.fromCallable(() -> bcrypt.matches(password, hash))
                .subscribeOn(Schedulers.boundedElastic())
                .map(matches -> {
                    if (!matches || user == null) {
                        return Authentication.rejected("Basic");
                    }
                    Caller caller = new Caller(user.username(), true, user.rateLimit(), user.burst());
                    if (verifiedBasic.size() >= MAX_VERIFIED) {
                        verifiedBasic.clear();
                    }
                    verifiedBasic.put(cacheKey, caller);
                    return Authentication.accepted(caller, "Basic");
                });
    }
}
