/** User settings that keep a test VS Code quiet and offline: no AI agent, tips, updates, telemetry or trust prompt. */
export const QUIET_PROFILE_SETTINGS = {
  'chat.disableAIFeatures': true, // else a Copilot/agent background process starts
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};
