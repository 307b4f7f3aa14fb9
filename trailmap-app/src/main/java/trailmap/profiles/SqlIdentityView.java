package trailmap.profiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import trailmap.store.StatementCache;
import trailmap.store.StoreException;

/** {@link IdentityView} on the profiles database, read inside the applying transaction. */
final class SqlIdentityView implements IdentityView {
  private final Connection connection;
  private final StatementCache statements;
  private final BatchIdentities known;

  SqlIdentityView(Connection connection, StatementCache statements, BatchIdentities known) {
    this.connection = connection;
    this.statements = statements;
    this.known = known;
  }

  @Override
  public Optional<ProfileId> profileOf(Identity identity) {
    Optional<ProfileId> holder = known.holders.get(identity);
    if (holder == null) {
      holder = lookUp(identity);
      known.holders.put(identity, holder);
    }
    return holder;
  }

  @Override
  public int identityCount(ProfileId profile) {
    Integer count = known.counts.get(profile);
    if (count == null) {
      count = count(profile);
      known.counts.put(profile, count);
    }
    return count;
  }

  private Optional<ProfileId> lookUp(Identity identity) {
    try {
      PreparedStatement q =
          statements.prepare(
              connection, "SELECT profile_id FROM identities WHERE type = ? AND value = ?");
      q.setString(1, identity.type().wireName());
      q.setString(2, identity.value());
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? Optional.of(new ProfileId(rows.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look up identity " + identity.type().wireName(), e);
    }
  }

  private int count(ProfileId profile) {
    try {
      PreparedStatement q =
          statements.prepare(connection, "SELECT count(*) FROM identities WHERE profile_id = ?");
      q.setString(1, profile.value());
      try (ResultSet rows = q.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count the identities of profile " + profile, e);
    }
  }
}
