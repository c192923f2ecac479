// Sent with every post so the server (and whoever reads its logs) can tell the agent from a browser.
export const AGENT_NAME = "archive-scan-agent";
export const AGENT_VERSION = "1.0.0";
export const USER_AGENT = `${AGENT_NAME}/${AGENT_VERSION} (node ${process.versions.node}; ${process.platform})`;
