# Sourced by the run-*.sh scripts: free_port START prints the first port from START up that
# nothing on 127.0.0.1 listens on, so two benchmark runs (or a demo server) on one machine do not
# collide. A port set in the environment (PORT, SMTP_PORT) is used as it is.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}
