/** English strings of the Sites, Preview and Sync features (their own file, to keep merges apart). */
export const enPublishing = {
  publishing: {
    toolbar: 'Publishing',
    sites: 'Sites',
    preview: 'Preview',
    publish: 'Publish',
    sync: 'Sync',
    backToEditor: 'Back to the article',
    needArticle: 'Open an article first.',
  },
  sites: {
    heading: 'Sites',
    intro:
      'WordPress sites Redac publishes to. Make an Application Password in your profile on the site (Users › Profile › Application Passwords).',
    url: 'Site URL',
    username: 'Username',
    password: 'Application Password',
    test: 'Test connection',
    testOne: 'Test connection: {{site}}',
    add: 'Add site',
    remove: 'Remove {{site}}',
    none: 'No site yet.',
    connectedAs: 'Connected as {{name}} ({{roles}}).',
    filteredHtml:
      'This user may not post unfiltered HTML: WordPress will filter the HTML of what it sends (an editor account keeps it as written).',
    testing: 'Testing…',
    failed: '{{message}}',
    passwordMissing: 'The password of this site cannot be read here: remove the site and add it again.',
    added: '{{site}} added.',
    keyringWarning: '{{message}}',
    storedIn: {
      safeStorage: 'Passwords are encrypted by the system keyring.',
      file: 'Passwords are kept in a file only your account can read.',
    },
  },
  preview: {
    heading: 'Preview',
    frame: 'Article preview',
    width: 'Preview width',
    widths: { desktop: 'Desktop', tablet: 'Tablet', phone: 'Phone' },
    snippet: 'Search result',
    card: 'Social card',
    noTitle: '(no headline)',
    noImage: 'No featured image',
    failed: 'The preview could not be made: {{message}}',
  },
};
