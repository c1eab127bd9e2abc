package io.todoke.store.jurisdiction;

import java.util.List;

/** Jurisdictions as tests configure them: Kobe as the demo configuration has it, and a made-up city. */
public final class TestJurisdictions {

    public static final Jurisdiction KOBE = new Jurisdiction("神戸市", List.of("東灘区", "灘区", "中央区", "兵庫区", "北区",
            "長田区", "須磨区", "垂水区", "西区"), List.of());

    /** 架空市: three wards, one of whose names begins another's (南区, 南区東). */
    public static final Jurisdiction KAKU = new Jurisdiction("架空市", List.of("南区", "山手区", "南区東"),
            List.of(new Jurisdiction.HealthCentre("架空市保健所", List.of("南区", "山手区", "南区東"))));

    private TestJurisdictions() {
    }
}
