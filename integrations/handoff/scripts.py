"""The Lua scripts that make every queue transition atomic inside Redis.

Layout (``P`` is the key prefix): ``P:h:<id>`` hash (card, queue, status, created_at, agent, caller
token); ``P:w:<queue>`` sorted set of waiting ids scored by their handoff time (oldest first = longest
wait = highest priority); ``P:leases`` sorted set of claimed ids scored by their lease deadline;
``P:events`` a stream of queue changes the consoles follow; ``P:chat:<id>`` the chat after handoff.
Time comes from Redis ``TIME`` so leases do not depend on the clocks of the app processes.
"""

NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) + tonumber(t[2]) / 1000000\n"

# ARGV: prefix, id, queue, card, created_at, caller_token, events_maxlen
PUBLISH = """
local p, id, queue = ARGV[1], ARGV[2], ARGV[3]
local h = p .. ':h:' .. id
if redis.call('EXISTS', h) == 1 then return 0 end
redis.call('HSET', h, 'card', ARGV[4], 'queue', queue, 'status', 'waiting', 'created_at', ARGV[5],
           'caller_token', ARGV[6])
redis.call('ZADD', p .. ':w:' .. queue, ARGV[5], id)
redis.call('XADD', p .. ':events', 'MAXLEN', '~', ARGV[7], '*', 'type', 'waiting', 'id', id, 'queue', queue)
return 1
"""

# ARGV: prefix, id, agent, lease_s, events_maxlen -> {'ok', card, created_at, claimed_at} | {'taken', status} | {'missing'}
CLAIM = NOW + """
local p, id, agent = ARGV[1], ARGV[2], ARGV[3]
local h = p .. ':h:' .. id
local queue = redis.call('HGET', h, 'queue')
if not queue then return {'missing'} end
if redis.call('ZREM', p .. ':w:' .. queue, id) == 0 then
  local status = redis.call('HGET', h, 'status')
  if status == 'claimed' and redis.call('HGET', h, 'agent') == agent then
    -- the same agent again (a page reload): keep the claim, renew the lease
    redis.call('ZADD', p .. ':leases', now + tonumber(ARGV[4]), id)
    return {'ok', redis.call('HGET', h, 'card'), redis.call('HGET', h, 'created_at'), redis.call('HGET', h, 'claimed_at')}
  end
  return {'taken', status or 'missing'}
end
redis.call('HSET', h, 'status', 'claimed', 'agent', agent, 'claimed_at', tostring(now))
redis.call('ZADD', p .. ':leases', now + tonumber(ARGV[4]), id)
redis.call('XADD', p .. ':events', 'MAXLEN', '~', ARGV[5], '*', 'type', 'claimed', 'id', id, 'queue', queue, 'agent', agent)
return {'ok', redis.call('HGET', h, 'card'), redis.call('HGET', h, 'created_at'), tostring(now)}
"""

# ARGV: prefix, id, agent, lease_s
RENEW = NOW + """
local p, id = ARGV[1], ARGV[2]
local h = p .. ':h:' .. id
if redis.call('HGET', h, 'status') ~= 'claimed' or redis.call('HGET', h, 'agent') ~= ARGV[3] then return 0 end
redis.call('ZADD', p .. ':leases', now + tonumber(ARGV[4]), id)
return 1
"""

# ARGV: prefix, id, agent ('' = any), cause ('released' | 'timeout'), events_maxlen -> queue | false
RELEASE = NOW + """
local p, id, agent, cause = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local h = p .. ':h:' .. id
if redis.call('HGET', h, 'status') ~= 'claimed' then return false end
if agent ~= '' and redis.call('HGET', h, 'agent') ~= agent then return false end
if cause == 'timeout' then
  local deadline = redis.call('ZSCORE', p .. ':leases', id)
  if deadline and tonumber(deadline) > now then return false end  -- renewed meanwhile
end
local queue = redis.call('HGET', h, 'queue')
redis.call('HSET', h, 'status', 'waiting')
redis.call('HDEL', h, 'agent', 'claimed_at')
redis.call('ZREM', p .. ':leases', id)
redis.call('ZADD', p .. ':w:' .. queue, redis.call('HGET', h, 'created_at'), id)
redis.call('XADD', p .. ':events', 'MAXLEN', '~', ARGV[5], '*', 'type', 'waiting', 'id', id, 'queue', queue, 'cause', cause)
return queue
"""

# ARGV: prefix, id, agent, retention_s, events_maxlen
COMPLETE = NOW + """
local p, id, agent = ARGV[1], ARGV[2], ARGV[3]
local h = p .. ':h:' .. id
if redis.call('HGET', h, 'status') ~= 'claimed' or redis.call('HGET', h, 'agent') ~= agent then return 0 end
local queue = redis.call('HGET', h, 'queue')
redis.call('HSET', h, 'status', 'completed', 'completed_at', tostring(now))
redis.call('ZREM', p .. ':leases', id)
-- kept for a while so a late duplicate delivery (outbox re-flush) cannot bring it back
redis.call('EXPIRE', h, ARGV[4])
redis.call('EXPIRE', p .. ':chat:' .. id, ARGV[4])
redis.call('XADD', p .. ':events', 'MAXLEN', '~', ARGV[5], '*', 'type', 'completed', 'id', id, 'queue', queue)
return 1
"""

# ARGV: prefix, id, retention_s, events_maxlen -> 1 when a waiting handoff was taken back
# (the caller is with the bot again, e.g. after a failed transfer; a claimed one stays the agent's)
WITHDRAW = """
local p, id = ARGV[1], ARGV[2]
local h = p .. ':h:' .. id
if redis.call('HGET', h, 'status') ~= 'waiting' then return 0 end
local queue = redis.call('HGET', h, 'queue')
redis.call('ZREM', p .. ':w:' .. queue, id)
redis.call('HSET', h, 'status', 'withdrawn')
redis.call('EXPIRE', h, ARGV[3])
redis.call('XADD', p .. ':events', 'MAXLEN', '~', ARGV[4], '*', 'type', 'withdrawn', 'id', id, 'queue', queue)
return 1
"""

# ARGV: none -> ids whose lease has run out
EXPIRED = NOW + """
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 100)
"""
