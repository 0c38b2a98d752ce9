namespace Ktrdr.Deploy.Secrets.Tests.Support;

/// <summary>
/// The text of a fake 1Password CLI (op 2.x) as a POSIX sh script. It keeps its state beside the path it was
/// started through (a per-test symlink), so one script file serves every test. Its error lines are op 2.x's real
/// wording; see <c>OnePasswordErrors</c> for where each was found.
/// </summary>
/// <remarks>
/// State: <c>vaults/&lt;vault&gt;/&lt;item&gt;/&lt;field&gt;</c> files hold values; <c>signed-in</c> marks a signed-in CLI;
/// <c>revoked</c> lists rejected tokens; <c>hang</c> makes it wait; <c>barrier</c> holds N: each read waits until N
/// reads are running at once. Every call appends its arguments to <c>calls.log</c>.
/// </remarks>
public static class FakeOpScript
{
    public const string Text = """
        #!/bin/sh
        state=$(dirname "$0")
        fail() { printf '[ERROR] %s %s\n' "$(date '+%Y/%m/%d %H:%M:%S')" "$1" >&2; exit 1; }
        printf '%s\n' "$*" >> "$state/calls.log"
        case "$1" in
          --version) echo 2.30.0; exit 0 ;;
          read) shift ;;
          *) fail "unknown command \"$1\" for \"op\"" ;;
        esac
        newline=yes
        if [ "$1" = "--no-newline" ] || [ "$1" = "-n" ]; then newline=; shift; fi
        ref=$1
        if [ -f "$state/hang" ]; then sleep 30; fi
        if [ -f "$state/barrier" ]; then
          mkdir -p "$state/inflight"; : > "$state/inflight/$$"; tries=0
          while [ "$(ls "$state/inflight" | wc -l)" -lt "$(cat "$state/barrier")" ]; do
            tries=$((tries + 1)); [ "$tries" -gt 200 ] && fail "barrier: reads did not run concurrently"; sleep 0.05
          done
        fi
        if [ -n "$OP_SERVICE_ACCOUNT_TOKEN" ]; then
          case "$OP_SERVICE_ACCOUNT_TOKEN" in
            ops_*) ;;
            *) fail "could not read secret '$ref': error initializing client: Validation: (failed to session.DecodeSACredentials), Server: (failed to DecodeSACredentials), failed to parseToken, format is invalid" ;;
          esac
          if grep -qxF "$OP_SERVICE_ACCOUNT_TOKEN" "$state/revoked" 2>/dev/null; then
            fail "(401) Unauthorized: You aren't authorized to perform this action."
          fi
        elif [ ! -f "$state/signed-in" ]; then
          fail "could not read secret '$ref': error initializing client: You are not currently signed in. Please run \`op signin --help\` for instructions"
        fi
        path=${ref#op://}; vault=${path%%/*}; rest=${path#*/}; item=${rest%%/*}; field=${rest#*/}
        [ -d "$state/vaults/$vault" ] || fail "could not read secret '$ref': \"$vault\" isn't a vault in this account"
        [ -d "$state/vaults/$vault/$item" ] || fail "could not read secret '$ref': could not get item $vault/$item: \"$item\" isn't an item in the \"$vault\" vault. Specify the item with its UUID, name, or domain."
        [ -f "$state/vaults/$vault/$item/$field" ] || fail "could not read secret '$ref': item '$vault/$item' does not have a field '$field'"
        cat "$state/vaults/$vault/$item/$field"
        if [ -n "$newline" ]; then echo; fi
        exit 0
        """;
}
