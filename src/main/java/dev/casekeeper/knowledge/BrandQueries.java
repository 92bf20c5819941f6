package dev.casekeeper.knowledge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the help center's one brand row. */
@Repository
class BrandQueries {

    /** The row as stored: any column may be null (the help center's own then). */
    record Row(
            @Nullable String name,
            @Nullable String accentColor,
            @Nullable String headerColor,
            boolean hasLogo,
            Instant updatedAt) {}

    private final JdbcClient jdbc;

    BrandQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find() {
        return jdbc.sql("""
                        select name, accent_color, header_color, logo is not null as has_logo, updated_at
                          from knowledge.brand
                        """)
                .query((rs, n) -> new Row(
                        rs.getString("name"),
                        rs.getString("accent_color"),
                        rs.getString("header_color"),
                        rs.getBoolean("has_logo"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    void save(String name, @Nullable String accent, @Nullable String header, UUID by, Instant at) {
        jdbc.sql("""
                        insert into knowledge.brand (id, name, accent_color, header_color, updated_at, updated_by)
                        values (true, :name, :accent, :header, :at, :by)
                        on conflict (id) do update set name = excluded.name, accent_color = excluded.accent_color,
                            header_color = excluded.header_color, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param("name", name)
                .param("accent", accent)
                .param("header", header)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Sets the logo (or, with null, removes it), keeping the rest. */
    void saveLogo(@Nullable BrandLogo logo, UUID by, Instant at) {
        jdbc.sql("""
                        insert into knowledge.brand (id, logo, logo_type, logo_name, updated_at, updated_by)
                        values (true, :logo, :type, :filename, :at, :by)
                        on conflict (id) do update set logo = excluded.logo, logo_type = excluded.logo_type,
                            logo_name = excluded.logo_name, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param("logo", logo == null ? null : logo.content())
                .param("type", logo == null ? null : logo.contentType())
                .param("filename", logo == null ? null : logo.filename())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    Optional<BrandLogo> logo() {
        return jdbc.sql("select logo, logo_type, logo_name from knowledge.brand where logo is not null")
                .query((rs, n) ->
                        new BrandLogo(rs.getString("logo_name"), rs.getString("logo_type"), rs.getBytes("logo")))
                .optional();
    }
}
