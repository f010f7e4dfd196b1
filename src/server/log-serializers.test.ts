import { describe, expect, it } from 'vitest';
import { serializeError } from './log-serializers.ts';

describe('logged errors', () => {
  it('keep the failed query but not its parameters, in the message, the stack and every cause', () => {
    const query = new Error('Failed query: select "id" from "sessions" where "sessions"."token" = $1\nparams: Jb3tcwGm434acoH0X5xnoH3eG0Nj0hLK');
    Object.assign(query, { params: ['Jb3tcwGm434acoH0X5xnoH3eG0Nj0hLK'], query: 'select "id" from "sessions" where "sessions"."token" = $1' });
    const wrapped = new Error(`Failed to get session: ${query.message}`, { cause: query });
    const logged = JSON.stringify(serializeError(wrapped));
    expect(logged).not.toContain('Jb3tcwGm434acoH0X5xnoH3eG0Nj0hLK');
    expect(logged).toContain('Failed to get session: Failed query: select');
    expect(logged).toContain('params: [redacted]');
  });

  it('leaves other errors and values as pino would log them', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(serializeError(error)).toMatchObject({ type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' });
    expect(serializeError('just text')).toBe('just text');
  });
});
