package io.todoke.store.jurisdiction;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The city (or prefecture) whose cases Todoke counts: its wards (or municipalities), and the health centres that
 * serve them. Cases are counted under a ward inside it and under their municipality (市区町村) outside it; staff
 * accounts are bound to one of its wards. Unconfigured (no name), every address counts under its municipality.
 *
 * @param name          the city, e.g. 神戸市, or a prefecture, e.g. 兵庫県, whose {@code wards} are municipalities
 * @param wards         its wards or municipalities, in the order pages and tables list them; matched longest first
 * @param healthCentres the health centres and the wards each serves; optional
 * @param postalCodes   the postal codes of the region and their municipalities (scripts/towns.sh writes it), which
 *                      a postal code in an address is checked against; optional (no check)
 */
@ConfigurationProperties("todoke.jurisdiction")
public record Jurisdiction(String name, List<String> wards, List<HealthCentre> healthCentres, Path postalCodes) {

    /** A health centre (保健所・保健センター) and the wards it serves. */
    public record HealthCentre(String name, List<String> wards) {
        public HealthCentre {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("todoke.jurisdiction.health-centres: a centre without a name");
            }
            wards = wards == null ? List.of() : wards.stream().map(String::strip).toList();
        }
    }

    public Jurisdiction(String name, List<String> wards, List<HealthCentre> healthCentres) {
        this(name, wards, healthCentres, null);
    }

    @ConstructorBinding
    public Jurisdiction {
        name = name == null || name.isBlank() ? null : name.strip();
        wards = wards == null ? List.of() : wards.stream().map(w -> w == null ? "" : w.strip()).toList();
        healthCentres = healthCentres == null ? List.of() : List.copyOf(healthCentres);
        if (name == null && !wards.isEmpty()) {
            throw new IllegalArgumentException("todoke.jurisdiction.wards are set but todoke.jurisdiction.name is not");
        }
        Set<String> seen = new HashSet<>();
        for (String ward : wards) {
            if (ward.isEmpty() || !seen.add(ward)) {
                throw new IllegalArgumentException("todoke.jurisdiction.wards: empty or repeated ward '" + ward + "'");
            }
        }
        for (HealthCentre centre : healthCentres) {
            for (String ward : centre.wards()) {
                if (!seen.contains(ward)) {
                    throw new IllegalArgumentException("todoke.jurisdiction.health-centres: " + centre.name()
                            + " serves '" + ward + "', which is not one of todoke.jurisdiction.wards");
                }
            }
        }
    }

    /**
     * The ward a case is counted under, from the patient's address: one of the wards inside the jurisdiction, the
     * city itself when no ward follows it, the municipality outside it. Null when the address says nothing
     * usable, so that a case whose ward cannot be told goes to a clerk instead of being counted under a wrong one.
     */
    public String wardOf(String address) {
        if (address == null) {
            return null;
        }
        String a = Addresses.normalised(address);
        String prefecture = Addresses.prefecture(a);
        String rest = a.substring(prefecture.length());
        if (name != null) {
            if (Addresses.isPrefecture(name)) {
                if (prefecture.isEmpty() || prefecture.equals(name)) {
                    Optional<String> unit = longestWardAt(rest);
                    if (unit.isPresent()) {
                        return unit.get();
                    }
                }
            } else if (rest.startsWith(name)) {
                return longestWardAt(rest.substring(name.length())).orElse(name);
            }
        }
        return Addresses.municipality(rest);
    }

    /**
     * Why an address's postal code and its place disagree, for a clerk: the code is listed in {@code postalCodes} and
     * its municipality (with its ward) gives another ward than the address's words. Empty when they agree, when the
     * address has no code or the list does not know it, and when the address's own ward cannot be told (a case
     * without a ward goes to a clerk anyway).
     */
    public Optional<String> postalCodeConflict(String address) {
        if (postalCodes == null || address == null) {
            return Optional.empty();
        }
        String code = Addresses.postalCode(address);
        String ward = wardOf(address);
        if (code == null || ward == null) {
            return Optional.empty();
        }
        return PostalCodes.of(postalCodes).place(code).map(this::wardOf)
                .filter(codeWard -> !codeWard.equals(ward))
                .map(codeWard -> "郵便番号（〒" + code.substring(0, 3) + "-" + code.substring(3) + "）は" + codeWard
                        + "の番号で、住所の" + ward + "と一致しません");
    }

    /** Is this one of the configured wards (what a staff account may be bound to)? */
    public boolean isWard(String ward) {
        return ward != null && wards.contains(ward);
    }

    /**
     * The order wards are listed in on pages, tables and facets: the configured wards in their configured order,
     * then any other place (a municipality outside) by name.
     */
    public Comparator<String> wardOrder() {
        return Comparator.<String>comparingInt(w -> {
            int i = wards.indexOf(w);
            return i < 0 ? wards.size() : i;
        }).thenComparing(Comparator.naturalOrder());
    }

    /** The health centre that serves a ward, if centres are configured. */
    public Optional<HealthCentre> healthCentreOf(String ward) {
        return healthCentres.stream().filter(c -> c.wards().contains(ward)).findFirst();
    }

    /** Longest first, whatever the configured order: a ward whose name begins another's must not win. */
    private Optional<String> longestWardAt(String text) {
        return wards.stream().filter(text::startsWith).max(Comparator.comparingInt(String::length));
    }
}
