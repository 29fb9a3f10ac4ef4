import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const BEARERBOX = '/usr/sbin/bearerbox';
export const SMSBOX = '/usr/sbin/smsbox';

const INIT_SCRIPT = '/etc/init.d/kannel';
// Where the Debian init script's run_kannel_box writes the bearerbox pid.
const SERVICE_PID_FILE = '/var/run/kannel/kannel_bearerbox.pid';

const HOW_TO_INSTALL =
  'Kannel is not installed (no /usr/sbin/bearerbox or /usr/sbin/smsbox). On Debian or Ubuntu: ' +
  '`sudo DEBIAN_FRONTEND=noninteractive apt-get install -y kannel` (Debian 12 ships 1.4.5), ' +
  'or run this script as root and it installs the package itself.';

/**
 * Makes sure the Debian `kannel` package's bearerbox and smsbox are present, installing the package
 * when running as root. A fresh install may start the package's own service (bearerbox + wapbox on
 * 13000/13002 from /etc/kannel/kannel.conf, unless policy-rc.d forbids it): that service is stopped
 * and disabled again, since the benchmark starts its own boxes.
 *
 * A service that was already running before is someone else's: it is reported, not stopped. It
 * does not get in the way, because the benchmark's boxes use their own free ports and config.
 *
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ installedNow: boolean, serviceRunning: boolean }}
 */
export function ensureKannelInstalled({ log = (line) => console.error(line) } = {}) {
  if (kannelPresent()) return { installedNow: false, serviceRunning: packageServiceRunning() };
  if (process.getuid?.() !== 0) throw new Error(HOW_TO_INSTALL);

  log('kannel: installing the Debian package (apt-get install -y kannel)');
  try {
    aptGet(['install', '-y', 'kannel']);
  } catch {
    // A fresh container often has no package lists yet.
    aptGet(['update']);
    aptGet(['install', '-y', 'kannel']);
  }
  if (!kannelPresent()) throw new Error(`apt-get installed kannel but ${BEARERBOX} or ${SMSBOX} is still missing`);
  stopPackageService(log);
  return { installedNow: true, serviceRunning: packageServiceRunning() };
}

function kannelPresent() {
  return existsSync(BEARERBOX) && existsSync(SMSBOX);
}

function aptGet(args) {
  execFileSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    // apt's progress goes to our stderr, so stdout stays the JSON result.
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

/** Stops the service the package's postinst may have started, and keeps it from starting at boot. */
function stopPackageService(log) {
  const attempts = existsSync('/run/systemd/system')
    ? [['systemctl', ['disable', '--now', 'kannel']]]
    : [
        [INIT_SCRIPT, ['stop']],
        ['update-rc.d', ['kannel', 'disable']],
      ];
  for (const [command, args] of attempts) {
    if (command === INIT_SCRIPT && !existsSync(INIT_SCRIPT)) continue;
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch {
      // Nothing started, or no such tool: checked below instead.
    }
  }
  if (packageServiceRunning())
    log(`kannel: the package's own service still runs (see ${SERVICE_PID_FILE}); stop it with ${INIT_SCRIPT} stop`);
  else log("kannel: the package's own service is stopped and disabled");
}

/** Whether the Debian init script's bearerbox is alive. */
export function packageServiceRunning() {
  try {
    const pid = Number.parseInt(readFileSync(SERVICE_PID_FILE, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`);
  } catch {
    return false;
  }
}
