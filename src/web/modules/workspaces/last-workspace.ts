const key = 'herald.lastWorkspace';

// localStorage can throw (private mode, storage disabled); remembering is a convenience only.
export function rememberWorkspace(id: string) {
  try {
    localStorage.setItem(key, id);
  } catch {
    /* not remembered */
  }
}

export function lastWorkspace(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
