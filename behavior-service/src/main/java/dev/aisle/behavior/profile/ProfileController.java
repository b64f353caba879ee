package dev.aisle.behavior.profile;

import dev.aisle.support.error.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User profiles and segments under {@code /api/v1/analytics}. */
@RestController
@RequestMapping("/api/v1/analytics")
class ProfileController {

    private static final int FAVOURITES = 3;

    private final ProfileQueries profiles;

    private final SegmentService segments;

    private final Clock clock;

    ProfileController(ProfileQueries profiles, SegmentService segments, Clock clock) {
        this.profiles = profiles;
        this.segments = segments;
        this.clock = clock;
    }

    @GetMapping("/users/{userId}/profile")
    UserProfile profile(@PathVariable String userId) {
        UserFeatures f = profiles.user(userId)
                .orElseThrow(() -> new NotFoundException("No activity of user '" + userId + "'"));
        BigDecimal revenue = f.revenue().setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal aov = f.orders() == 0 ? BigDecimal.ZERO.setScale(2)
                : f.revenue().divide(BigDecimal.valueOf(f.orders()), 2, RoundingMode.HALF_EVEN);
        return new UserProfile(userId, Math.round(f.recencyDays(clock.instant()) * 1000) / 1000.0, f.orders(),
                revenue, f.sessions(), f.events(), f.firstSeen(), f.lastActivity(), revenue, aov,
                profiles.favourites(userId, "category", FAVOURITES), profiles.favourites(userId, "brand", FAVOURITES),
                segments.membership(userId).orElse(null));
    }

    @GetMapping("/segments")
    SegmentService.Segmentation segments() {
        return segments.current();
    }

    @GetMapping("/users/{userId}/segment")
    SegmentService.Membership segment(@PathVariable String userId) {
        return segments.membership(userId)
                .orElseThrow(() -> new NotFoundException("User '" + userId + "' has no segment (yet)"));
    }

    @PostMapping("/admin/segments/recompute")
    SegmentService.Segmentation recompute() {
        return segments.recompute();
    }
}
