import { LOGIN_ATTEMPTS_PER_ADDRESS, LOGIN_ATTEMPTS_PER_USERNAME, LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  const start = 1_800_000_000_000;

  it('refuses the 11th attempt for one username from one address within a minute, and serves it again a minute later', () => {
    const limiter = new LoginRateLimiter();
    for (let index = 0; index < LOGIN_ATTEMPTS_PER_USERNAME; index++) limiter.check('10.0.0.1', 'chaoyang', start + index);
    expect(() => limiter.check('10.0.0.1', 'Chaoyang ', start + 20)).toThrow(/登录尝试过于频繁/);
    expect(() => limiter.check('10.0.0.2', 'chaoyang', start + 20)).not.toThrow();
    expect(() => limiter.check('10.0.0.1', 'chaoyang', start + 60_001)).not.toThrow();
  });

  it('limits one address across usernames (password spraying)', () => {
    const limiter = new LoginRateLimiter();
    for (let index = 0; index < LOGIN_ATTEMPTS_PER_ADDRESS; index++) limiter.check('10.0.0.9', `user${index}`, start + index);
    expect(() => limiter.check('10.0.0.9', 'another', start + 500)).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 60 } }),
    );
  });

  it('does not count a refused attempt', () => {
    const limiter = new LoginRateLimiter();
    for (let index = 0; index < LOGIN_ATTEMPTS_PER_USERNAME; index++) limiter.check('10.0.0.1', 'x', start);
    for (let index = 0; index < 5; index++) expect(() => limiter.check('10.0.0.1', 'x', start + 30_000)).toThrow();
    expect(() => limiter.check('10.0.0.1', 'x', start + 60_001)).not.toThrow();
  });
});
