package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path dir;

  Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("trailmap.yaml"), yaml);
  }

  @Test
  void defaultsToLocalhost7070TrailmapDataAndOneMegabyte() {
    ServerConfig config = ServerConfig.defaults();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dataDir()).isEqualTo(Path.of("trailmap-data"));
    assertThat(config.maxMapBytes()).isEqualTo(1_048_576);
  }

  @Test
  void readsEveryKeyFromYaml() throws Exception {
    ServerConfig config =
        ServerConfig.read(
            file("host: 0.0.0.0\nport: 8080\ndata: /var/lib/trailmap\nmaxMapBytes: 2MB\n"));
    assertThat(config)
        .isEqualTo(new ServerConfig("0.0.0.0", 8080, Path.of("/var/lib/trailmap"), 2 * 1_048_576));
    assertThat(ServerConfig.read(file("maxMapBytes: 512KB")).maxMapBytes()).isEqualTo(524_288);
    assertThat(ServerConfig.read(file("maxMapBytes: 4096")).maxMapBytes()).isEqualTo(4096);
    assertThat(ServerConfig.read(file("")).port()).isEqualTo(7070);
  }

  @Test
  void namesTheFileAndKeyOfEveryMistake() throws Exception {
    Path typo = file("prot: 8080\n");
    assertThatThrownBy(() -> ServerConfig.read(typo))
        .hasMessage(typo + ": prot: unknown key (known keys: host, port, data, maxMapBytes)");
    assertThatThrownBy(() -> ServerConfig.read(file("port: 99999")))
        .hasMessageContaining("port: port must be between 0 and 65535, was 99999");
    assertThatThrownBy(() -> ServerConfig.read(file("port: eighty")))
        .hasMessageContaining("port: must be a whole number");
    assertThatThrownBy(() -> ServerConfig.read(file("maxMapBytes: lots")))
        .hasMessageContaining("must be a size such as 1048576, 512KB or 2MB, was 'lots'");
    assertThatThrownBy(() -> ServerConfig.read(file("maxMapBytes: 10")))
        .hasMessageContaining("between 1KB and 64MB, was 10 bytes");
    assertThatThrownBy(() -> ServerConfig.read(file("port: [1")))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ServerConfig.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("cannot read config file");
  }
}
