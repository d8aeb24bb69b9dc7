// The mock backend in Node (tests): the same handlers behind msw's request interception.
import { setupServer } from 'msw/node';
import { handlers } from './handlers';

export const server = setupServer(...handlers);
