// The one path Slack posts to in HTTP mode (slash commands and interactions), shared by the
// adapter that serves it and the manifest that tells Slack about it. No SDK import: the manifest
// command loads this without loading Bolt.
export const SLACK_EVENTS_PATH = '/slack/events';
