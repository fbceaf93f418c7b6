// The server's clock as this board sees it: the offset measured at each connection (board:hello's
// serverTime). Times the board sends (a call's start) are in the server's time, so a board whose clock
// runs minutes fast or slow still times calls right.
let offsetMs = 0;

/** a connection's hello: the server's clock was `serverTime` when it was sent */
export function syncServerClock(serverTime: number) {
  offsetMs = serverTime - Date.now();
}

/** now, by the server's clock */
export const serverNow = () => new Date(Date.now() + offsetMs);
